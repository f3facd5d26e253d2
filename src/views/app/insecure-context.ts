// Opened over plain http:// from another machine (HOST=0.0.0.0 without TLS), the browser withholds
// what the app needs to work offline (./InsecureContextNotice.tsx says what, and how to fix it).

/** false over http:// to anything but this machine (localhost counts as secure). */
export const insecureContext = typeof window !== 'undefined' && window.isSecureContext === false;
