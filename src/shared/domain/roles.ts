/**
 * The four roles. Kept apart from the user schema so code that only needs the list (the
 * client's session guard, which runs before the first screen) pulls in no valibot.
 */
export const ROLES = ['officer', 'provider-staff', 'supervisor', 'admin'] as const;
export type Role = (typeof ROLES)[number];
