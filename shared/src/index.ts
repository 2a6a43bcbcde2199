export * from "./constants.js";
export * from "./schemas/auth.js";
export * from "./schemas/post.js";
export * from "./api.js";
export * from "./markdown.js";
export * from "./text.js";
export * from "./realtime.js";
