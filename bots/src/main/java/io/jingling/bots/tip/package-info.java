/**
 * The circle tip bot: reads what an informant wrote to the hub and answers with actions:
 * opting out of broadcasts, or recording the message as a tip linked to the assist
 * request it most likely answers. Assigning tip codes, acknowledging and forwarding to
 * the case officer are the routes module's work; the informant's platform identity never
 * reaches this package.
 */
package io.jingling.bots.tip;
