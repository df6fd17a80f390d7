package io.jingling.schedule;

import org.quartz.DisallowConcurrentExecution;
import org.quartz.JobExecutionContext;

import org.springframework.scheduling.quartz.QuartzJobBean;

/**
 * The job Quartz fires: runs whatever is due. Concurrent firings are refused, here and
 * (the job store being clustered) across nodes.
 */
@DisallowConcurrentExecution
public class TickJob extends QuartzJobBean {

	private final DueWork dueWork;

	public TickJob(DueWork dueWork) {
		this.dueWork = dueWork;
	}

	@Override
	protected void executeInternal(JobExecutionContext context) {
		this.dueWork.runDue();
	}

}
