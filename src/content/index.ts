import { startAgent } from './agent.ts';

startAgent();
