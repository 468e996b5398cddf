import { Button } from '../../components/button';
import { Dialog } from '../../components/dialog';
import { SERVICE_TEMPLATES, type ServiceTemplate } from './service-templates';

/** Lists the service templates; choosing one adds it to the pipeline's services (saved with Save). */
export function AddServiceDialog({ onChoose, onClose }: { onChoose(template: ServiceTemplate): void; onClose(): void }) {
  return (
    <Dialog label="Add service" onClose={onClose} testId="add-service-dialog">
      <div className="dialog__body">
        <ul className="templates">
          {SERVICE_TEMPLATES.map((template) => (
            <li key={template.id}>
              <button
                type="button"
                className="templates__choice"
                aria-label={template.title}
                aria-describedby={`template-${template.id}`}
                onClick={() => onChoose(template)}
              >
                <span className="templates__title">{template.title}</span>
                <span id={`template-${template.id}`} className="templates__description">
                  {template.description}
                </span>
              </button>
            </li>
          ))}
        </ul>
      </div>
      <div className="dialog__footer">
        <Button onClick={onClose}>Cancel</Button>
      </div>
    </Dialog>
  );
}
