import { allow } from "./policy.js";

/** The privacy notice and the accessibility statement are public (visitors must be able to read them first). */
allow<null>("SitePage", ["read"], () => true);

/** Their text is the administrator's (ZMP's) legal statement: admins only. */
allow<null>("SitePage", ["edit"], (actor) => actor !== null && actor.role === "admin");
