import { Router, type Request } from "express";
import {
  freeTagsSchema,
  tagGroupInputSchema,
  tagInputSchema,
  tagMergeSchema,
  tagMoveSchema,
  tagSectionQuerySchema,
  tagSectionSchema,
  tagUpdateSchema,
} from "@forum/shared";
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
import { badRequest, conflict, notFound, unauthorized } from "../errors/AppError.js";
import { parseInput } from "../http/validation.js";
import { Group } from "../models/Group.js";
import { Tag, type TagDocument } from "../models/Tag.js";
import { TagGroup, type TagGroupDocument } from "../models/TagGroup.js";
import { authorize } from "../policies/index.js";
import { findVisibleTag } from "../queries/tagDirectory.js";
import { tagOverview, tagPage, tagSection } from "../queries/tagPages.js";

const UNKNOWN_TAG = "Nie ma takiego tagu (mógł zostać usunięty albo scalony z innym).";
const UNKNOWN_TAG_GROUP = "Nie ma takiej grupy tagów.";

async function tagBySlug(slug: unknown): Promise<TagDocument> {
  const tag = await Tag.findOne({ slug: String(slug) }).lean();
  if (!tag) throw notFound(UNKNOWN_TAG);
  return tag;
}

/** For reading and following: a free tag of a group the viewer cannot read is as unknown as a missing one. */
async function visibleTagBySlug(req: Request): Promise<TagDocument> {
  const tag = await findVisibleTag(String(req.params.slug), req.actor);
  if (!tag) throw notFound(UNKNOWN_TAG);
  return tag;
}

async function tagGroupBySlug(slug: unknown): Promise<TagGroupDocument> {
  const tagGroup = await TagGroup.findOne({ slug: String(slug) }).lean();
  if (!tagGroup) throw notFound(UNKNOWN_TAG_GROUP);
  return tagGroup;
}

/** The taxonomy is the moderators' (others do not learn these tools exist: 404). */
function taxonomyManager(req: Request) {
  if (!req.actor || !req.user) throw unauthorized();
  authorize(req.actor, "manage", "Tag", null);
  return { actorId: req.user._id, context: req.context };
}

/** Tags and tag groups: the taxonomy's overview and its management, tag pages, following, free tags in groups. */
export function tagRoutes(): Router {
  const router = Router();

  router.get("/tag-groups", async (req, res) => {
    res.json(await tagOverview(req.actor, req.user?._id));
  });

  router.post("/tag-groups", async (req, res) => {
    const by = taxonomyManager(req);
    const input = parseInput(tagGroupInputSchema, req.body);
    const tagGroup = await tagGroupCreator({ ...input, ...by });
    res.status(201).json({ tagGroup: { slug: tagGroup.slug, name: tagGroup.name, description: tagGroup.description } });
  });

  router.patch("/tag-groups/:slug", async (req, res) => {
    const by = taxonomyManager(req);
    const tagGroup = await tagGroupBySlug(req.params.slug);
    const changes = parseInput(tagGroupInputSchema, req.body);
    const updated = await tagGroupUpdater({ tagGroup, changes, ...by });
    res.json({ tagGroup: { slug: updated.slug, name: updated.name, description: updated.description } });
  });

  router.post("/tag-groups/:slug/move", async (req, res) => {
    const by = taxonomyManager(req);
    const tagGroup = await tagGroupBySlug(req.params.slug);
    const { direction } = parseInput(tagMoveSchema, req.body);
    if (!(await taxonomyMover({ kind: "tagGroup", item: tagGroup, direction, ...by })))
      throw conflict(direction === "up" ? "Ta grupa tagów jest już pierwsza." : "Ta grupa tagów jest już ostatnia.");
    res.json(await tagOverview(req.actor, req.user?._id));
  });

  router.delete("/tag-groups/:slug", async (req, res) => {
    const by = taxonomyManager(req);
    await tagGroupDeleter({ tagGroup: await tagGroupBySlug(req.params.slug), ...by });
    res.status(204).end();
  });

  router.post("/tags", async (req, res) => {
    const by = taxonomyManager(req);
    const input = parseInput(tagInputSchema, req.body);
    const tagGroup = await TagGroup.findOne({ slug: input.tagGroup }).lean();
    if (!tagGroup) throw badRequest(UNKNOWN_TAG_GROUP, { tagGroup: "Wybierz grupę tagów z listy." });
    const tag = await tagCreator({ tagGroup, name: input.name, description: input.description, ...by });
    res.status(201).json({ tag: { slug: tag.slug, name: tag.name, description: tag.description } });
  });

  router.patch("/tags/:slug", async (req, res) => {
    const by = taxonomyManager(req);
    const tag = await tagBySlug(req.params.slug);
    const input = parseInput(tagUpdateSchema, req.body);
    const tagGroup = input.tagGroup !== undefined ? await TagGroup.findOne({ slug: input.tagGroup }).lean() : undefined;
    if (tagGroup === null) throw badRequest(UNKNOWN_TAG_GROUP, { tagGroup: "Wybierz grupę tagów z listy." });
    const updated = await tagUpdater({
      tag,
      changes: { name: input.name, description: input.description, tagGroup },
      ...by,
    });
    res.json({ tag: { slug: updated.slug, name: updated.name, description: updated.description } });
  });

  router.post("/tags/:slug/move", async (req, res) => {
    const by = taxonomyManager(req);
    const tag = await tagBySlug(req.params.slug);
    const { direction } = parseInput(tagMoveSchema, req.body);
    if (!(await taxonomyMover({ kind: "tag", item: tag, direction, ...by })))
      throw conflict(direction === "up" ? "Ten tag jest już pierwszy w grupie." : "Ten tag jest już ostatni w grupie.");
    res.json(await tagOverview(req.actor, req.user?._id));
  });

  router.post("/tags/:slug/merge", async (req, res) => {
    const by = taxonomyManager(req);
    const tag = await tagBySlug(req.params.slug);
    const { into } = parseInput(tagMergeSchema, req.body);
    if (into === tag.slug) throw badRequest("Tagu nie można scalić z nim samym.", { into: "Wybierz inny tag." });
    const target = await Tag.findOne({ slug: into }).lean();
    if (!target) throw badRequest("Nie ma tagu, z którym chcesz scalić.", { into: "Wybierz tag z listy." });
    res.json(await tagMerger({ tag, into: target, ...by }));
  });

  router.delete("/tags/:slug", async (req, res) => {
    const by = taxonomyManager(req);
    res.json(await tagDeleter({ tag: await tagBySlug(req.params.slug), ...by }));
  });

  router.get("/tags/:slug", async (req, res) => {
    res.json(await tagPage(await visibleTagBySlug(req), req.actor, req.user?._id));
  });

  router.get("/tags/:slug/:section", async (req, res) => {
    const section = tagSectionSchema.safeParse(req.params.section);
    // An unknown section is an unknown page, not bad input.
    if (!section.success) throw notFound();
    const tag = await visibleTagBySlug(req);
    const { page } = parseInput(tagSectionQuerySchema, req.query);
    res.json(await tagSection(tag, section.data, page, req.actor));
  });

  router.put("/tags/:slug/follow", async (req, res) => {
    if (!req.actor || !req.user) throw unauthorized();
    const tag = await visibleTagBySlug(req);
    authorize(req.actor, "follow", "Tag", null);
    await tagFollowSetter({ tag, userId: req.user._id, follow: true, context: req.context });
    res.json({ followed: true });
  });

  router.delete("/tags/:slug/follow", async (req, res) => {
    if (!req.actor || !req.user) throw unauthorized();
    const tag = await visibleTagBySlug(req);
    authorize(req.actor, "follow", "Tag", null);
    await tagFollowSetter({ tag, userId: req.user._id, follow: false, context: req.context });
    res.json({ followed: false });
  });

  router.put("/groups/:slug/free-tags", async (req, res) => {
    if (!req.actor || !req.user) throw unauthorized();
    const group = await Group.findOne({ slug: String(req.params.slug) }).lean();
    if (!group) throw notFound();
    authorize(req.actor, "read", "Group", group);
    const by = taxonomyManager(req);
    const { allowFreeTags } = parseInput(freeTagsSchema, req.body);
    const updated = await freeTagsSetter({ group, allowFreeTags, ...by });
    res.json({ allowFreeTags: updated.allowFreeTags });
  });

  return router;
}
