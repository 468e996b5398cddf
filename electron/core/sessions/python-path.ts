import { SDK_DIR } from './container-files';

const KEY = 'PYTHONPATH=';

/** The container's variables with the app's SDK first on PYTHONPATH, ahead of what they or the image set. */
export function withSdkOnPythonPath(env: string[], imageEnv: string[] = []): string[] {
  const own = env.findLast((entry) => entry.startsWith(KEY));
  const inherited = own ?? imageEnv.findLast((entry) => entry.startsWith(KEY));
  const rest = inherited?.slice(KEY.length);
  const value = `${KEY}${SDK_DIR}${rest ? `:${rest}` : ''}`;
  return [...env.filter((entry) => !entry.startsWith(KEY)), value];
}
