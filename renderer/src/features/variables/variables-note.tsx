import { Icon } from '../../components/icon';

/** Where the values live and who sees them: secrets, so neither in the project nor in its pipeline files. */
export function VariablesNote() {
  return (
    <p className="variables__note" data-testid="variables-note">
      <Icon name="lock" />
      <span>
        Values are stored in the app's data folder, encrypted when the system keychain is available, never in the project
        folder or a pipeline file. Services see them only through “Inherited environment variables”.
      </span>
    </p>
  );
}
