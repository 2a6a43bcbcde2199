import { Group } from "../models/Group.js";
import { Tag } from "../models/Tag.js";
import { TagFollow } from "../models/TagFollow.js";
import { User } from "../models/User.js";

/** Short descriptions for the tag pages of the management areas (only where a moderator wrote none). */
const DESCRIPTIONS: Record<string, string> = {
  "diagnoza-lokalnej-oswiaty": "Jak JST zbiera i czyta dane o swoich szkołach: wyniki, kadry, demografia, potrzeby.",
  "monitorowanie-jakosci": "Wskaźniki, przeglądy i rozmowy, dzięki którym samorząd wie, czy plan działa.",
  "finansowanie-i-budzet": "Subwencja, dotacje, środki zewnętrzne i planowanie wydatków na oświatę.",
  "lokalne-koalicje": "Współpraca szkół, rodziców, organizacji i instytucji wokół edukacji w gminie lub powiecie.",
};

/** Demo: tag descriptions, one group that allows free tags, and tags Anna Kowalska follows. */
export async function seedTags(): Promise<void> {
  for (const [slug, description] of Object.entries(DESCRIPTIONS)) {
    await Tag.updateOne({ slug, description: "" }, { $set: { description } });
  }
  await Group.updateOne({ slug: "gwd-lubelskie-dolnoslaskie" }, { $set: { allowFreeTags: true } });
  const anna = await User.findOne({ email: "anna.kowalska@demo.forum-jst.pl" }, { _id: 1 }).lean();
  if (!anna) return;
  for (const tagSlug of ["finansowanie-i-budzet", "lokalne-koalicje"]) {
    await TagFollow.updateOne(
      { userId: anna._id, tagSlug },
      { $setOnInsert: { userId: anna._id, tagSlug } },
      { upsert: true },
    );
  }
}
