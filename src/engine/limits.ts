/** Size limits shared by the readers and the engine's schemas (kept free of zod so content scripts stay small). */
export const MAX_NOTE_CHARS = 8_000_000;
export const MAX_CHARGE_LINES = 500;
