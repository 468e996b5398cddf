import { describe, expect, it } from 'vitest';
import { diagnosticsReport, type DiagnosticsFacts } from '../../../../electron/core/diagnostics/diagnostics-report';

const facts: DiagnosticsFacts = {
  app: { version: '0.1.0', shell: 'electron' },
  runtime: { node: '22.12.0', electron: '45.5.0', chrome: '142.0.1' },
  os: { platform: 'linux', release: '6.1.0', arch: 'x64' },
  engine: { reachable: true, version: '27.3.1', apiVersion: '1.47', os: 'linux/amd64', host: 'tcp://ann:hunter2@box:2376' },
  paths: { home: '/h', logs: '/h/logs', settings: '/h/settings.json', workspace: '/w' },
  proxy: 'http://127.0.0.1:8765',
  storedSettings: {
    workspace: '/w',
    theme: 'dark',
    keepSessionsRunning: false,
    proxyPort: 8765,
    registryPassword: 'pa55-word-planted',
    cloud: { apiToken: 'tok-planted-123' },
  },
};

describe('diagnosticsReport', () => {
  it('leaves out every secret planted in the settings and in DOCKER_HOST', () => {
    const report = diagnosticsReport(facts);
    const everything = JSON.stringify(report);
    for (const secret of ['pa55-word-planted', 'tok-planted-123', 'hunter2']) expect(everything).not.toContain(secret);
    expect(report.settings).toEqual({
      cloud: '(left out)',
      keepSessionsRunning: false,
      proxyPort: 8765,
      registryPassword: '(left out)',
      theme: 'dark',
      workspace: '/w',
    });
    expect(report.engine.host).toBe('tcp://ann:(left out)@box:2376');
  });

  it('reads as a report to paste', () => {
    expect(diagnosticsReport(facts).text).toBe(
      [
        'Orchest Desktop 0.1.0 (desktop app)',
        'Electron 45.5.0, Chrome 142.0.1, Node.js 22.12.0',
        'OS: linux 6.1.0 (x64)',
        'Docker: 27.3.1, API 1.47, linux/amd64, at tcp://ann:(left out)@box:2376',
        'Service proxy: http://127.0.0.1:8765',
        'App home: /h',
        'Logs: /h/logs',
        'Settings file: /h/settings.json',
        'Workspace: /w',
        'Settings:',
        '  cloud: (left out)',
        '  keepSessionsRunning: false',
        '  proxyPort: 8765',
        '  registryPassword: (left out)',
        '  theme: dark',
        '  workspace: /w',
      ].join('\n'),
    );
  });

  it('says why the engine is down and which Node.js runs the host', () => {
    const down = diagnosticsReport({
      ...facts,
      app: { version: '0.1.0', shell: 'host' },
      runtime: { node: '20.19.0' },
      engine: { reachable: false, host: 'unix:///x.sock', problem: 'host-unreachable', reason: 'no Docker socket at /x.sock', advice: [] },
    });
    expect(down.text).toContain('Orchest Desktop 0.1.0 (headless host)\nNode.js 20.19.0\n');
    expect(down.text).toContain('Docker: not reachable (host-unreachable): no Docker socket at /x.sock, at unix:///x.sock');
  });
});
