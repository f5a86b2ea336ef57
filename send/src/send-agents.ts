// The undici dispatchers sends share: one Agent per timeout setting, so the next send to a host reuses the last one's
// keep-alive connection instead of connecting (and for https, shaking hands) again.
import type { Agent as UndiciAgent } from 'undici';
import { Agent } from './undici-parts';

/** The Agent's own options: only the connect timeout comes from the settings; redirects and the size cap are applied per send. */
export function agentOptions(timeoutMs: number): UndiciAgent.Options {
  return { connect: { timeout: timeoutMs } };
}

export class SendAgents {
  private readonly agents = new Map<number, UndiciAgent>();

  /** The Agent for sends with this timeout, made on first use and kept until `close`. */
  agentFor(timeoutMs: number): UndiciAgent {
    let agent = this.agents.get(timeoutMs);
    if (!agent) {
      agent = new Agent(agentOptions(timeoutMs));
      this.agents.set(timeoutMs, agent);
    }
    return agent;
  }

  /** How many Agents are kept (one per timeout value in use). */
  get size(): number {
    return this.agents.size;
  }

  /**
   * Lets go of every Agent: a send under way finishes on its own, idle connections close, and the next send makes
   * a new Agent. Called when a send setting changes and when the extension stops.
   */
  async close(): Promise<void> {
    const closing = [...this.agents.values()];
    this.agents.clear();
    await Promise.all(closing.map((agent) => agent.close().catch(() => undefined)));
  }
}
