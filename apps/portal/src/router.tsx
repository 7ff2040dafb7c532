import { AnchorHTMLAttributes, MouseEvent, useEffect, useState } from 'react';

/** The portal's pages, addressed by path (the gateway serves index.html for any page path). */
export type Route =
  | { page: 'search' }
  | { page: 'institution'; id: string }
  | { page: 'blacklist' }
  | { page: 'revoked' }
  /** 投诉举报, about an institution when opened from its page. */
  | { page: 'complain'; institutionId?: string }
  | { page: 'receipt' }
  /** 查询进度, with the tracking number filled in when opened from the receipt. */
  | { page: 'track'; trackingNumber?: string }
  /** 我的订单: a family's prepaid orders, after signing in by phone. */
  | { page: 'family' };

export function parseRoute(pathname: string, search = ''): Route {
  const query = new URLSearchParams(search);
  if (/^\/complaints\/new\/?$/.test(pathname))
    return { page: 'complain', institutionId: query.get('institution') ?? undefined };
  if (/^\/complaints\/receipt\/?$/.test(pathname)) return { page: 'receipt' };
  if (/^\/complaints\/track\/?$/.test(pathname))
    return { page: 'track', trackingNumber: query.get('number') ?? undefined };
  const institution = /^\/institutions\/([^/]+)\/?$/.exec(pathname);
  if (institution) return { page: 'institution', id: decodeURIComponent(institution[1]) };
  if (/^\/my-orders\/?$/.test(pathname)) return { page: 'family' };
  if (/^\/blacklist\/?$/.test(pathname)) return { page: 'blacklist' };
  if (/^\/revoked\/?$/.test(pathname)) return { page: 'revoked' };
  return { page: 'search' };
}

const CHANGE = 'otr:navigate';

export function navigate(href: string) {
  window.history.pushState(null, '', href);
  window.dispatchEvent(new Event(CHANGE));
}

export function useRoute(): Route {
  const [route, setRoute] = useState(() => parseRoute(window.location.pathname, window.location.search));
  useEffect(() => {
    const update = () => setRoute(parseRoute(window.location.pathname, window.location.search));
    window.addEventListener('popstate', update);
    window.addEventListener(CHANGE, update);
    return () => {
      window.removeEventListener('popstate', update);
      window.removeEventListener(CHANGE, update);
    };
  }, []);
  return route;
}

/** A real link (it works opened in a new tab) that moves within the app without a reload. */
export function Link({ href, onClick, ...rest }: AnchorHTMLAttributes<HTMLAnchorElement> & { href: string }) {
  const follow = (e: MouseEvent<HTMLAnchorElement>) => {
    onClick?.(e);
    if (e.defaultPrevented || e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey || e.altKey) return;
    e.preventDefault();
    navigate(href);
  };
  return <a href={href} onClick={follow} {...rest} />;
}
