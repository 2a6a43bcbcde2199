/** Room names, one kind of content each (NodeBB style). */
export const userRoom = (userId: string): string => `uid_${userId}`;
export const threadRoom = (threadId: string): string => `thread_${threadId}`;
export const groupRoom = (groupId: string): string => `group_${groupId}`;
/** Every signed-in person: activity in network-wide categories. */
export const NETWORK_ROOM = "network";
/** Whoever the policies let decide on waiting posts (PendingPost:list): the approval queue's live changes. */
export const STAFF_ROOM = "staff";
/** Whoever the policies let review flags (Flag:review): the flag queue's pending count. */
export const FLAG_REVIEW_ROOM = "flag_review";
/** Everyone in a meeting's live room. */
export const meetingRoom = (meetingId: string): string => `meeting_${meetingId}`;
/** Moderators inside a meeting's live room (hidden questions, poll results before closing). */
export const meetingStaffRoom = (meetingId: string): string => `meeting_${meetingId}_staff`;
