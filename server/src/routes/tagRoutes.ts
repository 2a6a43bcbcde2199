import { Router } from "express";
import { endpoints } from "@forum/shared";
import { freeTagsSetter } from "../commands/freeTagsSetter.js";
import { tagCreator } from "../commands/tagCreator.js";
import { tagDeleter } from "../commands/tagDeleter.js";
import { tagFollowSetter } from "../commands/tagFollowSetter.js";
import { tagGroupCreator } from "../commands/tagGroupCreator.js";
import { tagGroupDeleter } from "../commands/tagGroupDeleter.js";
import { tagGroupUpdater } from "../commands/tagGroupUpdater.js";
import { tagMerger } from "../commands/tagMerger.js";
import { tagUpdater } from "../commands/tagUpdater.js";
import { taxonomyMover } from "../commands/taxonomyMover.js";
import { badRequest, conflict, notFound } from "../errors/AppError.js";
import { route } from "../http/declareRoute.js";
import { Group } from "../models/Group.js";
import { Tag, type TagDocument } from "../models/Tag.js";
import { TagGroup, type TagGroupDocument } from "../models/TagGroup.js";
import { authorize, type Actor } from "../policies/index.js";
import { findVisibleTag } from "../queries/tagDirectory.js";
import type { RequestContext } from "../requestContext.js";
import { tagOverview, tagPage, tagSection } from "../queries/tagPages.js";

const UNKNOWN_TAG = "Nie ma takiego tagu (mógł zostać usunięty albo scalony z innym).";
const UNKNOWN_TAG_GROUP = "Nie ma takiej grupy tagów.";

async function tagBySlug(slug: string): Promise<TagDocument> {
  const tag = await Tag.findOne({ slug }).lean();
  if (!tag) throw notFound(UNKNOWN_TAG);
  return tag;
}

/** For reading and following: a free tag of a group the viewer cannot read is as unknown as a missing one. */
async function visibleTagBySlug(slug: string, actor: Actor | null): Promise<TagDocument> {
  const tag = await findVisibleTag(slug, actor);
  if (!tag) throw notFound(UNKNOWN_TAG);
  return tag;
}

async function tagGroupBySlug(slug: string): Promise<TagGroupDocument> {
  const tagGroup = await TagGroup.findOne({ slug }).lean();
  if (!tagGroup) throw notFound(UNKNOWN_TAG_GROUP);
  return tagGroup;
}

/** The taxonomy is the moderators' (others do not learn these tools exist: 404). */
function taxonomyManager({ actor, user, context }: { actor: Actor; user: Express.User; context: RequestContext }) {
  authorize(actor, "manage", "Tag", null);
  return { actorId: user._id, context };
}

/** Tags and tag groups: the taxonomy's overview and its management, tag pages, following, free tags in groups. */
export function tagRoutes(): Router {
  const router = Router();

  route(router, endpoints.tags.overview, async ({ actor, user }) => tagOverview(actor, user?._id));

  route(router, endpoints.tags.createTagGroup, async (request) => {
    const by = taxonomyManager(request);
    const input = request.body();
    const tagGroup = await tagGroupCreator({ ...input, ...by });
    return { tagGroup: { slug: tagGroup.slug, name: tagGroup.name, description: tagGroup.description } };
  });

  route(router, endpoints.tags.updateTagGroup, async (request) => {
    const by = taxonomyManager(request);
    const tagGroup = await tagGroupBySlug(request.params.slug);
    const changes = request.body();
    const updated = await tagGroupUpdater({ tagGroup, changes, ...by });
    return { tagGroup: { slug: updated.slug, name: updated.name, description: updated.description } };
  });

  route(router, endpoints.tags.moveTagGroup, async (request) => {
    const by = taxonomyManager(request);
    const tagGroup = await tagGroupBySlug(request.params.slug);
    const { direction } = request.body();
    if (!(await taxonomyMover({ kind: "tagGroup", item: tagGroup, direction, ...by })))
      throw conflict(direction === "up" ? "Ta grupa tagów jest już pierwsza." : "Ta grupa tagów jest już ostatnia.");
    return tagOverview(request.actor, request.user._id);
  });

  route(router, endpoints.tags.deleteTagGroup, async (request) => {
    const by = taxonomyManager(request);
    await tagGroupDeleter({ tagGroup: await tagGroupBySlug(request.params.slug), ...by });
  });

  route(router, endpoints.tags.createTag, async (request) => {
    const by = taxonomyManager(request);
    const input = request.body();
    const tagGroup = await TagGroup.findOne({ slug: input.tagGroup }).lean();
    if (!tagGroup) throw badRequest(UNKNOWN_TAG_GROUP, { tagGroup: "Wybierz grupę tagów z listy." });
    const tag = await tagCreator({ tagGroup, name: input.name, description: input.description, ...by });
    return { tag: { slug: tag.slug, name: tag.name, description: tag.description } };
  });

  route(router, endpoints.tags.updateTag, async (request) => {
    const by = taxonomyManager(request);
    const tag = await tagBySlug(request.params.slug);
    const input = request.body();
    const tagGroup = input.tagGroup !== undefined ? await TagGroup.findOne({ slug: input.tagGroup }).lean() : undefined;
    if (tagGroup === null) throw badRequest(UNKNOWN_TAG_GROUP, { tagGroup: "Wybierz grupę tagów z listy." });
    const updated = await tagUpdater({
      tag,
      changes: { name: input.name, description: input.description, tagGroup },
      ...by,
    });
    return { tag: { slug: updated.slug, name: updated.name, description: updated.description } };
  });

  route(router, endpoints.tags.moveTag, async (request) => {
    const by = taxonomyManager(request);
    const tag = await tagBySlug(request.params.slug);
    const { direction } = request.body();
    if (!(await taxonomyMover({ kind: "tag", item: tag, direction, ...by })))
      throw conflict(direction === "up" ? "Ten tag jest już pierwszy w grupie." : "Ten tag jest już ostatni w grupie.");
    return tagOverview(request.actor, request.user._id);
  });

  route(router, endpoints.tags.mergeTag, async (request) => {
    const by = taxonomyManager(request);
    const tag = await tagBySlug(request.params.slug);
    const { into } = request.body();
    if (into === tag.slug) throw badRequest("Tagu nie można scalić z nim samym.", { into: "Wybierz inny tag." });
    const target = await Tag.findOne({ slug: into }).lean();
    if (!target) throw badRequest("Nie ma tagu, z którym chcesz scalić.", { into: "Wybierz tag z listy." });
    return tagMerger({ tag, into: target, ...by });
  });

  route(router, endpoints.tags.deleteTag, async (request) => {
    const by = taxonomyManager(request);
    return tagDeleter({ tag: await tagBySlug(request.params.slug), ...by });
  });

  route(router, endpoints.tags.page, async ({ actor, user, params }) =>
    tagPage(await visibleTagBySlug(params.slug, actor), actor, user?._id),
  );

  route(router, endpoints.tags.section, async ({ actor, params, query }) => {
    const tag = await visibleTagBySlug(params.slug, actor);
    const { page } = query();
    return tagSection(tag, params.section, page, actor);
  });

  for (const [endpoint, follow] of [
    [endpoints.tags.follow, true],
    [endpoints.tags.unfollow, false],
  ] as const) {
    route(router, endpoint, async ({ actor, user, params, context }) => {
      const tag = await visibleTagBySlug(params.slug, actor);
      authorize(actor, "follow", "Tag", null);
      await tagFollowSetter({ tag, userId: user._id, follow, context });
      return { followed: follow };
    });
  }

  route(router, endpoints.network.setFreeTags, async (request) => {
    const group = await Group.findOne({ slug: request.params.slug }).lean();
    if (!group) throw notFound();
    authorize(request.actor, "read", "Group", group);
    const by = taxonomyManager(request);
    const { allowFreeTags } = request.body();
    const updated = await freeTagsSetter({ group, allowFreeTags, ...by });
    return { allowFreeTags: updated.allowFreeTags };
  });

  return router;
}
