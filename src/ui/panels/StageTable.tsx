import type { StageRow } from '../../store';

/**
 * Stage widths, depths and groups as built (after group-width compatibility), next to the width
 * generate_regnet gave before it, so a moved width explains itself (pycls#34).
 */
export function StageTable({ stages }: { stages: readonly StageRow[] }) {
  return (
    <div className="table-scroll">
      <table className="data-table stage-table" aria-label="stages">
        <caption>Stages after group-width compatibility</caption>
        <thead>
          <tr>
            <th scope="col">stage</th>
            <th scope="col" title="blocks in the stage">
              depth
            </th>
            <th scope="col" title="output channels, after group-width compatibility">
              width
            </th>
            <th scope="col" title="generate_regnet's quantized width, before compatibility">
              pre-compat width
            </th>
            <th scope="col" title="channels per group of the 3×3 conv">
              group width
            </th>
            <th scope="col">groups</th>
            <th scope="col" title="bottleneck ratio b (bottleneck width = w / b)">
              b
            </th>
            <th scope="col">bottleneck width</th>
          </tr>
        </thead>
        <tbody>
          {stages.map((r) => {
            const moved = r.width !== r.rawWidth;
            return (
              <tr key={r.stage}>
                <th scope="row">{r.stage}</th>
                <td>{r.depth}</td>
                <td
                  className={moved ? 'cell-changed' : undefined}
                  title={moved ? `was ${r.rawWidth} before group-width compatibility` : undefined}
                >
                  {r.width}
                </td>
                <td className="cell-muted">{r.rawWidth}</td>
                <td
                  className={r.groupWidth !== r.requestedGroupWidth ? 'cell-changed' : undefined}
                  title={
                    r.groupWidth !== r.requestedGroupWidth
                      ? `lowered from ${r.requestedGroupWidth}`
                      : undefined
                  }
                >
                  {r.groupWidth}
                </td>
                <td>{r.groups}</td>
                <td>{r.bottleneckRatio}</td>
                <td>{r.bottleneckWidth}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
