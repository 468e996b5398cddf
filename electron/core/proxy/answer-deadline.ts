import type { ClientRequest } from 'node:http';

/**
 * Gives a service `ms` to answer a forwarded request or upgrade (its response's or its 101's head);
 * past that `onSilence` runs. Streams that have begun are not timed: they last as long as they last.
 * Answers whether the service has answered yet.
 */
export function answerDeadline(proxyReq: ClientRequest, ms: number, onSilence: () => void): () => boolean {
  let answered = false;
  const timer = setTimeout(onSilence, ms);
  const settle = () => {
    answered = true;
    clearTimeout(timer);
  };
  proxyReq.once('response', settle);
  proxyReq.once('upgrade', settle);
  proxyReq.once('close', () => clearTimeout(timer));
  return () => answered;
}
