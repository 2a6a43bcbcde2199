import type { Page } from "playwright-core";
import { Meeting } from "../../server/src/models/Meeting.js";
import { waitForAnnouncement } from "./browser.js";

const DAY_MS = 86_400_000;

/**
 * Moves a session so that day 1 is `offset` days from today at 10:00 Polish time (09:00 UTC in winter) and day 2
 * the next day: how the browser journeys live through "tomorrow" and "the next day".
 */
export async function planSessionFrom(meetingId: string, offset: number): Promise<void> {
  const startsAt = new Date(Date.now() + offset * DAY_MS);
  startsAt.setUTCHours(9, 0, 0, 0);
  await Meeting.updateOne(
    { _id: meetingId },
    { $set: { startsAt, endsAt: new Date(startsAt.getTime() + DAY_MS + 6 * 3_600_000) } },
  );
}

/** The sign-up form's labels of each way to take part. */
export const SIGN_UP_MODE_LABEL = { onsite: "na miejscu", online: "online", absent: "nie będę" } as const;

/** On a session's page: answers both days the same way and saves the answer. */
export async function answerBothDays(page: Page, mode: keyof typeof SIGN_UP_MODE_LABEL): Promise<void> {
  for (const day of [1, 2]) {
    await page
      .getByRole("group", { name: `Dzień ${day}: jak weźmiesz udział?` })
      .getByLabel(SIGN_UP_MODE_LABEL[mode], { exact: true })
      .check();
  }
  await page.getByRole("button", { name: "Zapisz odpowiedź" }).click();
  await waitForAnnouncement(page, "Zapisano odpowiedź.");
}
