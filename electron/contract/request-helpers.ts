import { z } from 'zod';
import { ProjectId } from './schemas';

export const none = z.object({}).strict();
export const ok = z.object({ ok: z.literal(true) });
export const inProject = z.object({ projectId: ProjectId }).strict();
