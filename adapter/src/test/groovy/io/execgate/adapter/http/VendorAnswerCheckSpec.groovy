package io.execgate.adapter.http

import groovy.json.JsonOutput
import io.execgate.adapter.problem.VendorFailure
import io.execgate.api.model.ProblemCode
import io.execgate.vendor.algapsa.model.AutomationExecutionResponse
import io.execgate.vendor.kaizen.model.RetryExecutionResponse
import io.execgate.vendor.kinetic.model.ExecutionResponse
import io.execgate.vendor.skyvern.model.WorkflowRunResponse
import io.micronaut.context.ApplicationContext
import io.micronaut.core.beans.BeanIntrospector
import jakarta.validation.Valid
import jakarta.validation.Validator
import spock.lang.AutoCleanup
import spock.lang.Issue
import spock.lang.Narrative
import spock.lang.Shared
import spock.lang.Specification

import java.lang.reflect.AnnotatedParameterizedType
import java.lang.reflect.AnnotatedType
import java.lang.reflect.ParameterizedType
import java.lang.reflect.Type

@Issue('16')
@Narrative('''A vendor's success answer is decoded once, straight into its generated model, and that is the whole check:
a member its spec requires (and does not allow to be null) that is missing or null is refused, at any depth, so the
mapper never reads a hole; members the spec leaves free-form are taken as they come. Bean validation used to cascade
into those free-form members and build, then throw away, a violation for each on every retry (12 % of the gateway's CPU).''')
class VendorAnswerCheckSpec extends Specification {
    static final VendorFailure REFUSED = VendorFailure.of(ProblemCode.UPSTREAM_ERROR, 'the answer is not the documented shape')

    /** Each vendor's success answer as the adapters read it: the required members, and free-form members filled in. */
    static final Map ANSWERS = [
            (RetryExecutionResponse)     : [success: true, message: 'ok', execution: [execution: [id: 'e_1', params: [a: [1, [b: null]]]]]],
            (ExecutionResponse)          : [execution_uuid: 'ex-1', workflow_version_uuid: 'wv-1', status: 'queued',
                                            created_at: '2026-03-01T08:15:30', input_payload: [[k: 'v'], 3, 'x']],
            (AutomationExecutionResponse): [data: [execution_id: '3f2c1b0a-9e8d-4c7b-a6f5-e4d3c2b1a098',
                                                   automation_rule_id: '11111111-2222-4333-8444-555555555555', status: 'running',
                                                   actions_total: 3, actions_successful: 1, actions_failed: 0,
                                                   tenant: '11111111-2222-4333-8444-555555555555',
                                                   trigger_data: [ticket: [id: 7, tags: ['a']]], _links: [self: '/x']]],
            (WorkflowRunResponse)        : [run_id: 'wr_1', status: 'queued', created_at: '2026-03-01T08:15:30Z',
                                            modified_at: '2026-03-01T08:15:30Z', run_type: 'workflow_run',
                                            downloaded_files: [[url: 'https://f/a.pdf', filename: 'a.pdf']],
                                            errors: [[any: [thing: 1]]],
                                            run_request: [workflow_id: 'wpid_1', parameters: [deep: [[1], [2]]], title: 'T']],
    ]

    @Shared @AutoCleanup ApplicationContext context = ApplicationContext.run()
    @Shared VendorBodies bodies = context.getBean(VendorBodies)

    def "#model.simpleName decodes with its required members and any free-form content"() {
        expect:
        bodies.read(json(ANSWERS[model]), model, { REFUSED }) != null

        where:
        model << ANSWERS.keySet()
    }

    def "#model.simpleName with #member #how is refused as UPSTREAM_ERROR"() {
        given:
        def answer = edit(ANSWERS[model], member, how)

        when:
        bodies.read(json(answer), model, { REFUSED })

        then:
        VendorFailure refused = thrown()
        refused.is(REFUSED)

        where:
        [model, member, how] << [
                [RetryExecutionResponse, 'success'],
                [ExecutionResponse, 'execution_uuid'],
                [ExecutionResponse, 'workflow_version_uuid'],
                [AutomationExecutionResponse, 'data'],
                [AutomationExecutionResponse, 'data.execution_id'],
                [AutomationExecutionResponse, 'data.status'],
                [WorkflowRunResponse, 'run_id'],
                [WorkflowRunResponse, 'status'],
                [WorkflowRunResponse, 'created_at'],
                [WorkflowRunResponse, 'downloaded_files.0.url'],
        ].collectMany { [it + 'missing', it + 'null'] }
    }

    def "a member of the wrong type is refused"() {
        when:
        bodies.read(json(ANSWERS[WorkflowRunResponse] + [created_at: [1, 2]]), WorkflowRunResponse, { REFUSED })

        then:
        thrown(VendorFailure)
    }

    def "a decoded #model.simpleName gives bean validation nothing to build a violation for"() {
        given: 'what the validator did on every retry, for anyone who still validates a vendor model'
        def answer = bodies.read(json(ANSWERS[model]), model, { REFUSED })

        expect:
        context.getBean(Validator).validate(answer).collect { "$it.propertyPath: $it.message" } == []

        where:
        model << ANSWERS.keySet()
    }

    def "no free-form member of #model.simpleName carries @Valid"() {
        expect: 'the template override in generated/templates keeps @Valid to members that are generated models'
        validOnFreeForm(model) == KNOWN_VALID_ON_FREE_FORM.getOrDefault(model.name, [])

        where:
        model << generatedModels()
    }

    /**
     * FastAPI's error location (strings and integers) gets its item {@code @Valid} from the generator's Java code,
     * not from a template. Error bodies are only ever read as plain JSON ({@code VendorBodies.tree}), never validated.
     */
    static final Map<String, List<String>> KNOWN_VALID_ON_FREE_FORM = [
            'io.execgate.vendor.kinetic.model.ValidationError': ['loc'],
            'io.execgate.vendor.skyvern.model.ValidationError': ['loc'],
    ]

    private static List<Class> generatedModels() {
        def models = BeanIntrospector.SHARED.findIntrospections { ref ->
            ref.beanType.name.startsWith('io.execgate.vendor.') || ref.beanType.name.startsWith('io.execgate.api.model.')
        }*.beanType.sort { it.name }
        assert models.size() > 40 // fails loudly if the scan stops finding them
        models
    }

    /** Members whose value is plain JSON (Object, or a map or list of it) and that are marked @Valid, on the field or an item. */
    private static List<String> validOnFreeForm(Class model) {
        model.declaredFields.findAll { field ->
            (field.isAnnotationPresent(Valid) && freeForm(field.genericType)) || validItems(field.annotatedType)
        }*.name
    }

    private static boolean validItems(AnnotatedType type) {
        type instanceof AnnotatedParameterizedType && type.annotatedActualTypeArguments.any {
            (it.isAnnotationPresent(Valid) && freeForm(it.type)) || validItems(it)
        }
    }

    private static boolean freeForm(Type type) {
        type == Object || (type instanceof ParameterizedType && type.rawType in [Map, List]
                && freeForm(type.actualTypeArguments.last()))
    }

    private static byte[] json(Object value) {
        JsonOutput.toJson(value).getBytes('UTF-8')
    }

    /** A deep copy of {@code answer} with the member at the dotted {@code path} removed or set to null. */
    private static Object edit(Map answer, String path, String how) {
        def copy = new groovy.json.JsonSlurper().parseText(JsonOutput.toJson(answer))
        def keys = path.split('\\.')
        def parent = keys[0..<-1].inject(copy) { node, key -> node instanceof List ? node[key as int] : node[key] }
        how == 'missing' ? parent.remove(keys[-1]) : parent.put(keys[-1], null)
        copy
    }
}
