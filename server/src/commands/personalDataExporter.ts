import type mongoose from "mongoose";
import type { UserDocument } from "../models/User.js";
import { personalDataArchive } from "../presenters/personalDataArchive.js";
import { collectPersonalData, type ExportSources } from "../queries/personalDataExport.js";
import { warsawDay } from "../domain/warsawTime.js";
import { recordEvent } from "./recordEvent.js";
import type { RequestContext } from "../requestContext.js";

export interface PersonalDataExporterProps {
  /** Whose data. */
  user: UserDocument;
  /** Who asked: the person, or an admin handling a written request. */
  actorId: mongoose.Types.ObjectId;
  sources: ExportSources;
  context?: RequestContext;
}

export interface PersonalDataExport {
  fileName: string;
  content: Uint8Array;
}

/** Builds the archive of a person's data (RODO art. 15 and 20) and records who took it. */
export async function personalDataExporter(props: PersonalDataExporterProps): Promise<PersonalDataExport> {
  const createdAt = new Date();
  const data = await collectPersonalData(props.user, props.sources);
  const content = personalDataArchive(data, props.user.name, createdAt);
  await recordEvent({
    name: "users.export",
    actorId: props.actorId,
    subjectType: "User",
    subjectId: props.user._id,
    data: { byAdmin: !props.actorId.equals(props.user._id), bytes: content.byteLength, files: data.files.length },
    context: props.context,
  });
  return { fileName: `forum-jst-moje-dane-${warsawDay(createdAt)}.zip`, content };
}
