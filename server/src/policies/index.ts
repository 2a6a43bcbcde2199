import "./groupPolicy.js";
import "./categoryPolicy.js";
import "./threadPolicy.js";
import "./postPolicy.js";
import "./invitationPolicy.js";
import "./userPolicy.js";
import "./attachmentPolicy.js";
import "./personPolicy.js";
import "./moderationPolicy.js";
import "./flagPolicy.js";
import "./meetingPolicy.js";
import "./practicePolicy.js";
import "./analysisPolicy.js";
import "./tagPolicy.js";
import "./sitePagePolicy.js";
import "./personalDataPolicy.js";

export { allow, authorize, can } from "./policy.js";
export { loadActor, type Actor } from "./actor.js";
