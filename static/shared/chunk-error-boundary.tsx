/**
 * A code-split part of a screen that failed to download (a dropped connection) shows `fallback` instead of
 * taking the whole React tree down with it. The caller's fallback knows how that screen is left or closed.
 */
import { Component, type ReactNode } from 'react';

type Props = {
  children: ReactNode;
  fallback: ReactNode;
  /** When it changes (the failed part was closed, another opened), the children get another try. */
  resetKey?: unknown;
};
type State = { failed: boolean };

export class ChunkErrorBoundary extends Component<Props, State> {
  override state: State = { failed: false };

  static getDerivedStateFromError(): State {
    return { failed: true };
  }

  override componentDidUpdate(previous: Props) {
    if (this.state.failed && previous.resetKey !== this.props.resetKey) this.setState({ failed: false });
  }

  override render() {
    return this.state.failed ? this.props.fallback : this.props.children;
  }
}
