import { z } from "zod";

/** What the person types to confirm that the account is to be erased. */
export const ERASURE_CONFIRMATION = "USUŃ";

export const accountEraseSchema = z.object({
  password: z.string({ message: "Podaj hasło." }).min(1, { message: "Podaj hasło." }).max(200),
  confirmation: z
    .string({ message: `Wpisz „${ERASURE_CONFIRMATION}”, aby potwierdzić.` })
    .trim()
    .refine((value) => value === ERASURE_CONFIRMATION, {
      message: `Wpisz „${ERASURE_CONFIRMATION}”, aby potwierdzić.`,
    }),
});
export type AccountEraseInput = z.infer<typeof accountEraseSchema>;

export const adminAccountEraseSchema = z.object({
  reason: z
    .string({ message: "Podaj podstawę usunięcia (np. datę i sposób zgłoszenia żądania)." })
    .trim()
    .min(3, { message: "Podaj podstawę usunięcia (np. datę i sposób zgłoszenia żądania)." })
    .max(500, { message: "Podstawa może mieć najwyżej 500 znaków." }),
});

export const userRestrictionSchema = z.object({
  reason: z
    .string({ message: "Podaj powód ograniczenia przetwarzania." })
    .trim()
    .min(3, { message: "Podaj powód ograniczenia przetwarzania." })
    .max(500, { message: "Powód może mieć najwyżej 500 znaków." }),
});
