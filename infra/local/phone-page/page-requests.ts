// What the phone page may ask the simulator to do: request bodies checked before anything is driven.
import * as z from 'zod';

export const PressSchema = z.object({ keys: z.string().regex(/^[0-9*#]{1,12}$/) });
export const SpeakSchema = z.object({ words: z.string().trim().min(1).max(500) });
export const TextSchema = z.object({ body: z.string().trim().min(1).max(1600) });
export const FaultsSchema = z.object({ faults: z.string().max(200) });
