import { Component, type ErrorInfo, type ReactNode } from 'react';
import { Button } from './Button';

/**
 * A screen that fails while rendering, or whose code cannot be loaded (a new version was deployed meanwhile),
 * says so and offers a reload, instead of leaving a blank page. Nothing of the error is shown.
 */
export class ErrorBoundary extends Component<{ children: ReactNode; resetKey?: string }, { failed: boolean }> {
  state = { failed: false };

  static getDerivedStateFromError(): { failed: boolean } {
    return { failed: true };
  }

  componentDidUpdate(previous: { resetKey?: string }): void {
    if (this.state.failed && previous.resetKey !== this.props.resetKey) this.setState({ failed: false });
  }

  componentDidCatch(error: Error, info: ErrorInfo): void {
    console.error('screen failed', error.name, info.componentStack?.split('\n')[1]?.trim());
  }

  render(): ReactNode {
    if (!this.state.failed) return this.props.children;
    return (
      <div className="problem" role="alert">
        <p className="problem-headline">This screen could not be opened.</p>
        <p>The console may have been updated meanwhile. Reload the page to get the latest version.</p>
        <Button onClick={() => window.location.reload()}>Reload</Button>
      </div>
    );
  }
}
