import type { Complexity } from '../../space/complexity';
import { SHAPES, type ShapeKey } from '../../store';
import { formatCount, formatExact, formatFlops } from '../format';

/** flops / params / acts at the chosen input shape, compact and exact (pycls complexity rules). */
export function ComplexityReadout({ cx, shape }: { cx: Complexity | undefined; shape: ShapeKey }) {
  const s = SHAPES[shape];
  const items = [
    {
      key: 'flops',
      label: 'flops',
      title: 'multiply-adds (paper footnote 3)',
      short: cx && formatFlops(cx.flops),
      exact: cx?.flops,
    },
    {
      key: 'params',
      label: 'params',
      title: 'weights, BN γ/β included',
      short: cx && formatCount(cx.params),
      exact: cx?.params,
    },
    {
      key: 'acts',
      label: 'acts',
      title: 'output sizes of all conv layers',
      short: cx && formatCount(cx.acts),
      exact: cx?.acts,
    },
  ];
  return (
    <div className="complexity" role="group" aria-label="complexity">
      <dl className="metrics">
        {items.map((m) => (
          <div key={m.key} className="metric" data-metric={m.key}>
            <dt title={m.title}>{m.label}</dt>
            <dd>
              <span className="metric-value">{m.short ?? '–'}</span>
              <span className="metric-exact">
                {m.exact === undefined ? 'no network' : formatExact(m.exact)}
              </span>
            </dd>
          </div>
        ))}
      </dl>
      <p className="metrics-basis">
        at {s.resolution}×{s.resolution} px, {s.channels} channel{s.channels === 1 ? '' : 's'}, {s.classes}{' '}
        classes · {s.stem === 'imagenet' ? 'ImageNet stem (3×3, stride 2)' : 'CIFAR stem (3×3, stride 1)'}
      </p>
    </div>
  );
}
