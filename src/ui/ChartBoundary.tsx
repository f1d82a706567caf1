import { Component, type ReactNode } from 'react';

interface State {
  error: Error | null;
}

/**
 * Keeps a chart's failure inside its own box: the message shows where the chart would be and the
 * rest of the page keeps working ("you can't break it"). React needs a class for this.
 */
export class ChartBoundary extends Component<{ children: ReactNode; resetKey?: unknown }, State> {
  override state: State = { error: null };

  static getDerivedStateFromError(error: Error): State {
    return { error };
  }

  override componentDidUpdate(prev: { resetKey?: unknown }) {
    if (this.state.error && prev.resetKey !== this.props.resetKey) this.setState({ error: null });
  }

  override render() {
    if (this.state.error) {
      return (
        <p className="chart-error" role="alert">
          This chart cannot be drawn: {this.state.error.message}
        </p>
      );
    }
    return this.props.children;
  }
}
