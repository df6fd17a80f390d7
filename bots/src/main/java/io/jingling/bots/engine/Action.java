package io.jingling.bots.engine;

/**
 * What the engine asks the hub to do. The routes module turns each action into state
 * changes and outbox rows; the engine itself never calls a platform. Every kind is listed
 * here.
 */
public sealed interface Action permits Reply, SendToGroup, SendToUsers, PostOrder, OpenAssistRequest, Broadcast,
		RecordTip, OptOut, CloseAssistRequest, RelayToInformant, RecallOrder, RequestApproval {

}
