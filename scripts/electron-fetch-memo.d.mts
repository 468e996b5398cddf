export interface FetchMemo {
  at: Date;
  error: string;
}

export function appHome(env: Record<string, string | undefined>): string;
export function readFetchMemo(home: string): FetchMemo | null;
export function saveFetchMemo(home: string, memo: FetchMemo): void;
export function clearFetchMemo(home: string): void;
