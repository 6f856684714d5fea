/**
 * The first focusable element of every page: jumps over the header to `<main id="main">`.
 * Visually hidden until it has keyboard focus.
 */
export function SkipLink({ label = "Skip to main content", lang }: { label?: string; lang?: string }) {
  return (
    <a
      href="#main"
      lang={lang}
      className="sr-only focus:not-sr-only focus:fixed focus:top-2 focus:left-2 focus:z-50 focus:rounded-md focus:bg-white focus:px-4 focus:py-2 focus:font-semibold focus:text-brand-700 focus:shadow-lg"
    >
      {label}
    </a>
  );
}
