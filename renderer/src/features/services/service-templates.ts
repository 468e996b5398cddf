import templates from '../../../../resources/service-templates.json';

/** A service as written in a pipeline file: known keys and any others, kept as they are. */
export type ServiceObject = Record<string, unknown>;

export interface ServiceTemplate {
  id: string;
  /** The button's name in the Add service dialog. */
  title: string;
  description: string;
  service: ServiceObject;
}

/** Orchest's templates (TensorBoard, Streamlit, VS Code, Redis, custom) plus PostgreSQL keeping its data in /data. */
export const SERVICE_TEMPLATES: readonly ServiceTemplate[] = templates;
