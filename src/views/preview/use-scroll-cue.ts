// Whether a sideways-scrolling box has more to show on either side, so the screen can say so
// (an edge shadow, a hint): phones hide their scrollbars, and a cut-off column alone is no cue.
import { useEffect, useRef, useState } from 'preact/hooks';

export interface ScrollCue {
  left: boolean;
  right: boolean;
}

export function useScrollCue<T extends HTMLElement>() {
  const ref = useRef<T>(null);
  const [cue, setCue] = useState<ScrollCue>({ left: false, right: false });
  useEffect(() => {
    const box = ref.current;
    if (!box) return;
    const update = () => {
      const max = box.scrollWidth - box.clientWidth;
      const next = { left: box.scrollLeft > 1, right: box.scrollLeft < max - 1 };
      setCue((was) => (was.left === next.left && was.right === next.right ? was : next));
    };
    update();
    box.addEventListener('scroll', update, { passive: true });
    const observer = new ResizeObserver(update);
    observer.observe(box);
    if (box.firstElementChild) observer.observe(box.firstElementChild);
    return () => {
      box.removeEventListener('scroll', update);
      observer.disconnect();
    };
  }, []);
  return { ref, cue };
}
