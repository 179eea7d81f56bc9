package com.engagementledger.engagement.engagement;

import com.engagementledger.contract.Enums.EngagementStatus;
import com.engagementledger.engagement.common.Metadata;
import com.engagementledger.engagement.common.RuleViolation;
import com.engagementledger.support.problem.ApiProblem;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.messaging.InterceptorChain;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * A closed engagement records nothing new: a command on any resource of an engagement (named in the command's
 * metadata) is refused once the engagement is closed, and refused as unknown when there is no such engagement. The
 * engagement's own commands are judged by the Engagement aggregate, which knows its status.
 * <p>
 * A command handler interceptor on Axon's command bus (Axon's Spring Boot support registers the bean), so it runs
 * inside the command's transaction for every way a command arrives.
 */
@Component
class ClosedEngagementGuard implements MessageHandlerInterceptor<CommandMessage<?>> {
    private final JdbcClient jdbc;

    ClosedEngagementGuard(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Object handle(UnitOfWork<? extends CommandMessage<?>> unitOfWork, InterceptorChain chain)
            throws Exception {
        CommandMessage<?> command = unitOfWork.getMessage();
        Object engagementId = command.getMetaData().get(Metadata.ENGAGEMENT_ID);
        if (engagementId != null && command.getPayload().getClass().getEnclosingClass() != EngagementCommands.class) {
            String status = jdbc.sql("select state->>'status' from resource_view where kind = ? and id = ?")
                    .params(EngagementViewFold.KIND, engagementId.toString()).query(String.class).optional()
                    .orElseThrow(() -> ApiProblem.notFound("engagement", engagementId));
            RuleViolation.require(!EngagementStatus.CLOSED.name().equals(status), "engagement.closed",
                    "the engagement is closed: nothing new is recorded on it");
        }
        return chain.proceed();
    }
}
