package io.jingling.approval;

import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Approval settings under {@code jingling.dingtalk.approval.*}.
 *
 * @param processCode the approval template's process code in DingTalk (from its editor's
 * URL)
 * @param approvers userIds who may approve (any one of them); empty = the template's own
 * flow
 * @param deptId the originator's department for the template's flow ({@code -1} = the
 * root)
 */
@ConfigurationProperties("jingling.dingtalk.approval")
public record ApprovalProperties(@DefaultValue("PROC-JINGLING-XC") String processCode, @DefaultValue( {
	}) List<String> approvers, @DefaultValue("-1") long deptId){
}
