import type { MyRegistrationView } from "@forum/shared";

type Translate = (key: string, options?: { values?: Record<string, string | number> }) => string;

/** "Zapisano: dzień 1 na miejscu, dzień 2 online", or "Nie odpowiedziano" while there is no answer. */
export function registrationStatusText(translate: Translate, mine: MyRegistrationView | null | undefined): string {
  if (!mine) return translate("signup.notAnswered");
  const days = mine.days
    .map((item) =>
      translate("signup.statusDay", { values: { day: item.day, mode: translate(`signup.mode.${item.mode}`) } }),
    )
    .join(", ");
  return translate("signup.status", { values: { days } });
}
