import type { Behaviour } from './behaviour.js';

/**
 * Join: waits (status `joining`) until one token per incoming flow has arrived in the same scope
 * execution, then one token continues and the others are consumed; extra tokens on a flow wait
 * for the next round. Fork: every outgoing flow, conditions ignored.
 */
export const parallelGateway: Behaviour = {
  enter(node, token, via, run) {
    if (node.incoming.length > 1) {
      const waiting = run.children(token.parentId!).filter((t) => t.kind === 'token' && t.nodeId === node.id && t.status === 'joining');
      const partners = [];
      for (const flowId of node.incoming) {
        if (flowId === via) continue;
        const partner = waiting.find((t) => t.arrivedVia === flowId);
        if (!partner) {
          token.status = 'joining';
          token.arrivedVia = via;
          return;
        }
        partners.push(partner);
      }
      for (const partner of partners) {
        run.emit({ type: 'activityEnded', executionId: partner.id, nodeId: node.id });
        run.tokens.delete(partner.id);
      }
    }
    run.plan({ op: 'leaveNode', tokenId: token.id, flowIds: node.outgoing });
  },
};
