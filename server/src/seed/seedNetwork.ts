import { consentsUpdater } from "../commands/consentsUpdater.js";
import { applyUserChanges } from "../models/applyUserChanges.js";
import { User } from "../models/User.js";

/** Demo leaders: people who opted into the leaders' directory, with their expertise (taxonomy slugs). */
const DEMO_LEADERS: { email: string; expertise: string[] }[] = [
  {
    email: "anna.kowalska@demo.forum-jst.pl",
    expertise: ["diagnoza-lokalnej-oswiaty", "finansowanie-i-budzet", "kompetencje-cyfrowe"],
  },
  {
    email: "marek.kaminski@demo.forum-jst.pl",
    expertise: ["finansowanie-i-budzet", "lokalne-koalicje"],
  },
  {
    email: "joanna.lewandowska@demo.forum-jst.pl",
    expertise: ["monitorowanie-jakosci", "wspolpraca-z-dyrektorami", "klasy-4-8"],
  },
  {
    email: "ewa.zielinska@demo.forum-jst.pl",
    expertise: ["lokalny-plan-jakosci", "system-wsparcia-szkol", "rozwoj-zawodowy-nauczycieli"],
  },
  {
    email: "katarzyna.nowak@demo.forum-jst.pl",
    expertise: ["lokalne-koalicje", "osobiste-spoleczne-uczenie-sie"],
  },
  {
    email: "agnieszka.dabrowska@demo.forum-jst.pl",
    expertise: ["wychowanie-przedszkolne", "diagnoza-lokalnej-oswiaty"],
  },
];

/** Opts a handful of demo people into the leaders' directory; people who already chose are left as they are. */
export async function seedNetwork(): Promise<void> {
  for (const leader of DEMO_LEADERS) {
    const user = await User.findOne({ email: leader.email }).lean();
    if (!user || user.expertise.length > 0 || user.consents?.directoryListing) continue;
    const updated = await applyUserChanges(user._id, { expertise: leader.expertise });
    await consentsUpdater({
      user: updated,
      consents: {
        digest: updated.consents?.digest ?? "off",
        mentionEmails: updated.consents?.mentionEmails ?? false,
        directoryListing: true,
        newsletter: updated.consents?.newsletter ?? false,
      },
      channel: "system",
    });
  }
}
