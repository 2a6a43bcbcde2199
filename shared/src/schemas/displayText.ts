import { z } from "zod";
import { withoutBidiControls } from "../text.js";

/**
 * A string shown to other people as a name or a title (people, threads, practices, analyses, meetings,
 * categories, tags): bidirectional formatting characters are dropped before trimming and length checks, so
 * nobody can make a name read backwards. `.overwrite` keeps it a string schema (chainable, and the OpenAPI
 * document still describes it as one).
 */
export const displayText = (params?: Parameters<typeof z.string>[0]) => z.string(params).overwrite(withoutBidiControls);
