/** A code-split part of the modal that failed to download (a dropped connection) says so instead of going blank. */
import { Component, type ReactNode } from 'react';
import SectionMessage from '@atlaskit/section-message';

type Props = { children: ReactNode };
type State = { failed: boolean };

export class ChunkErrorBoundary extends Component<Props, State> {
  override state: State = { failed: false };

  static getDerivedStateFromError(): State {
    return { failed: true };
  }

  override render() {
    if (!this.state.failed) return this.props.children;
    return (
      <SectionMessage appearance="error" title="Part of the app didn't load" testId="chunk-error">
        Check your connection, then close this dialog and open it again.
      </SectionMessage>
    );
  }
}
