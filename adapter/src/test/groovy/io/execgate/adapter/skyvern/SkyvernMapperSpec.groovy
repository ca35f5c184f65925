package io.execgate.adapter.skyvern

import io.execgate.api.model.ExecutionStatus
import io.execgate.vendor.skyvern.model.WorkflowRunResponse
import io.micronaut.context.ApplicationContext
import spock.lang.AutoCleanup
import spock.lang.Shared
import spock.lang.Specification

import java.time.ZoneOffset
import java.time.ZonedDateTime

/** The MapStruct mapper on its own: nothing invented, times in UTC, the vendor's status kept. */
class SkyvernMapperSpec extends Specification {
    @Shared @AutoCleanup ApplicationContext context = ApplicationContext.run()
    @Shared SkyvernMapper mapper = context.getBean(SkyvernMapper)

    def "a run with only its required members maps to nulls and empty lists"() {
        given:
        def run = new WorkflowRunResponse('wr_2', 'brand_new_state',
                ZonedDateTime.of(2026, 1, 1, 2, 0, 0, 0, ZoneOffset.ofHours(2)), ZonedDateTime.now(), null)

        when:
        def execution = mapper.toExecution(run, 'wr_1', null)

        then:
        execution.id == 'wr_2'
        execution.retriedId == 'wr_1'
        execution.status == ExecutionStatus.UNKNOWN
        execution.vendorStatus == 'brand_new_state'
        execution.createdAt == ZonedDateTime.of(2026, 1, 1, 0, 0, 0, 0, ZoneOffset.UTC)
        execution.startedAt == null
        execution.workflow == null
        execution.links.app == null
        execution.artifacts == []
        execution.vendorData == null
    }
}
