import { z } from "zod";

export const loginSchema = z.object({
  email: z.string().trim().toLowerCase().email({ message: "Podaj poprawny adres e-mail." }).max(254),
  password: z.string().min(1, { message: "Podaj hasło." }).max(1024),
});
export type LoginInput = z.infer<typeof loginSchema>;
