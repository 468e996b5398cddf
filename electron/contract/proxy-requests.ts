import { z } from 'zod';
import { PipelinePath } from './pipeline-schemas';
import { none } from './request-helpers';
import { ProjectId } from './schemas';

export const ProxyStatus = z.object({
  /** `http://127.0.0.1:<port>`: where service URLs point. */
  origin: z.string(),
  port: z.number().int(),
  /** The port from Settings, when another program holds it and a free one is used instead. */
  preferredPortTaken: z.number().int().optional(),
});
export type ProxyStatus = z.infer<typeof ProxyStatus>;

export const proxyRequests = {
  'proxy.status': { input: none, output: ProxyStatus },
  /**
   * A link that opens an exposed service's port in a browser: for services that require
   * authentication it carries a one-time token that signs the browser in.
   */
  'services.link': {
    input: z
      .object({
        projectId: ProjectId,
        path: PipelinePath,
        service: z.string(),
        /** Default: the service's first port. */
        port: z.number().int().optional(),
      })
      .strict(),
    output: z.object({ url: z.string() }),
  },
} as const;
