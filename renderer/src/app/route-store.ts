import { createStore } from 'zustand/vanilla';
import { formatRoute, parseRoute, type Route } from './route';

export interface RouteState {
  route: Route;
  navigate(route: Route): void;
}

/** The route follows the address bar's hash, so Back and Forward and reloads keep the place. */
export const routeStore = createStore<RouteState>()((set) => ({
  route: parseRoute(window.location.hash),
  navigate(route) {
    const hash = formatRoute(route);
    if (window.location.hash !== hash) window.location.hash = hash;
    set({ route });
  },
}));

window.addEventListener('hashchange', () => routeStore.setState({ route: parseRoute(window.location.hash) }));
