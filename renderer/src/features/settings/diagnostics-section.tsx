import { useEffect, useState } from 'react';
import { bridge } from '../../bridge/client';
import { CopyButton } from '../../components/copy-button';

/** Where the app's own logs are, and the report to paste into a bug: fetched anew when copied. */
export function DiagnosticsSection() {
  const [logs, setLogs] = useState<string>();

  useEffect(() => {
    bridge.request('app.diagnostics', {}).then((report) => setLogs(report.paths.logs), () => undefined);
  }, []);

  const diagnosticsText = async () => (await bridge.request('app.diagnostics', {})).text;

  return (
    <section className="field settings-diagnostics" aria-labelledby="settings-diagnostics">
      <h3 className="field__label" id="settings-diagnostics">
        Diagnostics
      </h3>
      <p className="dialog__aside" data-testid="logs-folder">
        The app&apos;s own logs: {logs ? <code>{logs}</code> : '…'}
      </p>
      <div className="settings-diagnostics__copy">
        <CopyButton text={diagnosticsText} label="Copy diagnostics" variant="secondary">
          Copy diagnostics
        </CopyButton>
        <span className="dialog__aside">Versions, paths, Docker and settings, secrets left out: for a bug report.</span>
      </div>
    </section>
  );
}
