import { createStore } from 'zustand/vanilla';
import { BridgeRequestError, type BridgeClient, type Environment, type EnvironmentBuild, type EnvironmentFields } from '../../../electron/contract';
import { errorMessage } from '../bridge/request-error';
import { addBuildLogLines, emptyBuildLog, LIVE_LOG_LIMIT } from './build-log-buffer';
import { debounce } from './debounce';
import { fieldOfError, NEW_ENVIRONMENT } from './environment-draft';
import { newEntry, withBuild, type EnvironmentEntry } from './environment-entry';

export const ENVIRONMENTS_REFETCH_MS = 300;
const ENVIRONMENTS_FOLDER = '.orchest/environments';

export interface UnreadableEnvironment {
  path: string;
  error: string;
}

export interface EnvironmentsState {
  projectId: string | undefined;
  loaded: boolean;
  /** Why the environments cannot be listed. */
  error: string | undefined;
  entries: Readonly<Record<string, EnvironmentEntry>>;
  unreadable: readonly UnreadableEnvironment[];
  open(projectId: string): void;
  close(): void;
  reload(): Promise<void>;
  edit(uuid: string, fields: EnvironmentFields | undefined): void;
  /** Saves the draft; resolves false when the main process refused it (see the entry's errors). */
  save(uuid: string): Promise<boolean>;
  /** A new environment with Orchest's defaults, or a copy of one; resolves with its uuid. */
  create(): Promise<string>;
  duplicate(uuid: string): Promise<string>;
  /** Rejects with the main process's reason, e.g. the sessions that use it (CONFLICT). */
  remove(uuid: string): Promise<void>;
  /** Starts a build (or finds the one running); resolves with it, or undefined when it could not start. */
  build(uuid: string): Promise<EnvironmentBuild | undefined>;
  cancelBuild(uuid: string): Promise<void>;
  /** Reads the history of builds, and shows the newest one's log unless a log is shown already. */
  loadBuilds(uuid: string): Promise<void>;
  /** Shows one build's log: its last lines, then whatever it adds. */
  showLog(uuid: string, number: number): Promise<void>;
  /** Reads the shown build's whole log, page by page. */
  loadFullLog(uuid: string): Promise<void>;
  /** Follows builds and the environments folder; returns the unsubscribe. */
  start(): () => void;
}

export type EnvironmentsStore = ReturnType<typeof createEnvironmentsStore>;

/** The environments of the open project, their drafts, builds and the log being looked at. */
export function createEnvironmentsStore(bridge: BridgeClient) {
  let generation = 0;
  return createStore<EnvironmentsState>()((set, get) => {
    const target = () => {
      const projectId = get().projectId;
      if (!projectId) throw new Error('No project is open');
      return projectId;
    };
    const patch = (uuid: string, change: (entry: EnvironmentEntry) => EnvironmentEntry) => {
      const entry = get().entries[uuid];
      if (entry) set({ entries: { ...get().entries, [uuid]: change(entry) } });
    };
    const received = (environment: Environment) => {
      const before = get().entries[environment.uuid];
      set({ entries: { ...get().entries, [environment.uuid]: before ? { ...before, environment } : newEntry(environment) } });
    };
    const request = async <T>(uuid: string, what: string, send: (projectId: string) => Promise<T>) => {
      const projectId = target();
      patch(uuid, (e) => ({ ...e, error: undefined }));
      try {
        return await send(projectId);
      } catch (error) {
        if (get().projectId === projectId) patch(uuid, (e) => ({ ...e, error: `${what}: ${errorMessage(error)}` }));
        return undefined;
      }
    };

    return {
      projectId: undefined,
      loaded: false,
      error: undefined,
      entries: {},
      unreadable: [],

      open(projectId) {
        if (get().projectId === projectId) return;
        set({ projectId, loaded: false, error: undefined, entries: {}, unreadable: [] });
        void get().reload();
      },

      close() {
        generation++;
        set({ projectId: undefined, loaded: false, error: undefined, entries: {}, unreadable: [] });
      },

      async reload() {
        const projectId = get().projectId;
        if (!projectId) return;
        const mine = ++generation;
        try {
          const summaries = await bridge.request('environments.list', { projectId });
          const readable = summaries.filter((s) => !s.error);
          const environments = await Promise.all(readable.map((s) => bridge.request('environments.get', { projectId, uuid: s.uuid })));
          if (mine !== generation) return;
          const entries: Record<string, EnvironmentEntry> = {};
          for (const environment of environments) {
            const before = get().entries[environment.uuid];
            entries[environment.uuid] = before ? { ...before, environment } : newEntry(environment);
          }
          const unreadable = summaries.filter((s) => s.error).map((s) => ({ path: `${ENVIRONMENTS_FOLDER}/${s.uuid}`, error: s.error ?? '' }));
          set({ entries, unreadable, loaded: true, error: undefined });
        } catch (error) {
          if (mine === generation) set({ loaded: true, error: errorMessage(error) });
        }
      },

      edit(uuid, fields) {
        patch(uuid, (e) => ({ ...e, draft: fields, fieldErrors: {}, saveError: undefined }));
      },

      async save(uuid) {
        const projectId = target();
        const entry = get().entries[uuid];
        if (!entry?.draft || entry.saving) return false;
        const fields = entry.draft;
        patch(uuid, (e) => ({ ...e, saving: true, saveError: undefined, fieldErrors: {} }));
        try {
          const environment = await bridge.request('environments.update', { projectId, uuid, fields });
          // Edits made while the save ran stay a draft.
          patch(uuid, (e) => ({ ...e, environment, saving: false, draft: e.draft === fields ? undefined : e.draft }));
          return true;
        } catch (error) {
          const field = error instanceof BridgeRequestError ? fieldOfError(error.field) : undefined;
          const message = errorMessage(error);
          patch(uuid, (e) =>
            field
              ? { ...e, saving: false, fieldErrors: { [field]: message.replace(/^fields\.\w+: /, '') } }
              : { ...e, saving: false, saveError: `The environment could not be saved: ${message}` },
          );
          return false;
        }
      },

      async create() {
        const environment = await bridge.request('environments.create', { projectId: target(), fields: NEW_ENVIRONMENT });
        received(environment);
        return environment.uuid;
      },

      async duplicate(uuid) {
        const environment = await bridge.request('environments.duplicate', { projectId: target(), uuid });
        received(environment);
        return environment.uuid;
      },

      async remove(uuid) {
        await bridge.request('environments.delete', { projectId: target(), uuid });
        const { [uuid]: _, ...entries } = get().entries;
        set({ entries });
      },

      async build(uuid) {
        const build = await request(uuid, 'The build could not start', (projectId) => bridge.request('environments.build', { projectId, uuid }));
        if (build) patch(uuid, (e) => withBuild(e, build, []));
        return build;
      },

      async cancelBuild(uuid) {
        const build = await request(uuid, 'The build could not be cancelled', (projectId) => bridge.request('environments.cancelBuild', { projectId, uuid }));
        if (build) patch(uuid, (e) => withBuild(e, build, []));
      },

      async loadBuilds(uuid) {
        const builds = await request(uuid, 'The builds cannot be read', (projectId) => bridge.request('environments.builds', { projectId, uuid }));
        if (!builds) return;
        patch(uuid, (e) => ({ ...e, builds }));
        const newest = builds[0];
        if (newest && !get().entries[uuid]?.log) await get().showLog(uuid, newest.number);
      },

      async showLog(uuid, number) {
        const entry = get().entries[uuid];
        if (!entry) return;
        const build = entry.builds?.find((b) => b.number === number) ?? entry.environment.lastBuild;
        const total = build?.number === number ? build.logLines : 0;
        patch(uuid, (e) => ({ ...e, log: emptyBuildLog(number) }));
        const from = Math.max(1, total - LIVE_LOG_LIMIT + 1);
        const page = await request(uuid, 'The log cannot be read', (projectId) => bridge.request('environments.buildLog', { projectId, uuid, number, from }));
        if (page) patch(uuid, (e) => (e.log?.number === number ? { ...e, log: addBuildLogLines(e.log, from, page.lines) } : e));
      },

      async loadFullLog(uuid) {
        const log = get().entries[uuid]?.log;
        if (!log || log.full) return;
        const { number } = log;
        const lines: string[] = [];
        for (;;) {
          const from = lines.length + 1;
          const page = await request(uuid, 'The log cannot be read', (projectId) => bridge.request('environments.buildLog', { projectId, uuid, number, from }));
          if (!page) return;
          lines.push(...page.lines);
          if (page.lines.length === 0 || lines.length >= page.total) break;
        }
        patch(uuid, (e) => {
          if (e.log?.number !== number) return e;
          // Lines the log gained while the pages were read are kept after them.
          const whole = addBuildLogLines({ ...emptyBuildLog(number), full: true }, 1, lines);
          return { ...e, log: e.log.lines.length > 0 ? addBuildLogLines(whole, e.log.start, e.log.lines) : whole };
        });
      },

      start() {
        const refetch = debounce(() => void get().reload(), ENVIRONMENTS_REFETCH_MS);
        const offBuilds = bridge.on('environments.buildChanged', ({ build, lines }) => {
          if (build.projectId === get().projectId) patch(build.environmentUuid, (e) => withBuild(e, build, lines));
        });
        const offFiles = bridge.on('project.filesChanged', ({ projectId, paths }) => {
          if (projectId !== get().projectId) return;
          if (paths.some((p) => p === '.orchest' || p === ENVIRONMENTS_FOLDER || p.startsWith(`${ENVIRONMENTS_FOLDER}/`))) refetch();
        });
        return () => (offBuilds(), offFiles(), refetch.cancel());
      },
    };
  });
}
