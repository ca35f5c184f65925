package io.execgate.drift;

import io.execgate.adapter.http.VendorEndpoint;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.FieldVisitor;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;

import java.util.ArrayList;
import java.util.List;

/**
 * Reads one compiled adapter class (ASM, without loading it): the generated-model getters it calls,
 * with a plain-JSON member read after one, and its static {@link VendorEndpoint} fields. Reading
 * bytecode rather than source sees MapStruct's generated mappers too.
 */
final class AdapterBytecode extends ClassVisitor {
    private static final String ENDPOINT = "L" + AdapterReflection.internalName(VendorEndpoint.class) + ";";
    /** {@code VendorMapping.text(Object json, String member)}: a read of a plain JSON member. */
    private static final String JSON_TEXT_OWNER = AdapterClassFiles.ADAPTERS + "VendorMapping";
    private static final String JSON_TEXT = "text";

    private final String models;
    private final List<GetterCall> getters = new ArrayList<>();
    private final List<String> endpointFields = new ArrayList<>();

    private AdapterBytecode(String models) {
        super(Opcodes.ASM9);
        this.models = models;
    }

    /**
     * A call of a model getter.
     *
     * @param owner  the model class, internal name
     * @param getter the getter's name
     * @param member {@code ".member"} when a plain JSON member of the getter's value is read, else empty
     */
    record GetterCall(String owner, String getter, String member) {
    }

    /** Reads a class whose model calls are those of classes below {@code models} (an internal-name prefix). */
    static AdapterBytecode read(ClassReader reader, String models) {
        AdapterBytecode facts = new AdapterBytecode(models);
        reader.accept(facts, ClassReader.SKIP_DEBUG | ClassReader.SKIP_FRAMES);
        return facts;
    }

    List<GetterCall> getters() {
        return getters;
    }

    List<String> endpointFields() {
        return endpointFields;
    }

    @Override
    public FieldVisitor visitField(int access, String name, String descriptor, String signature, Object value) {
        if ((access & Opcodes.ACC_STATIC) != 0 && descriptor.equals(ENDPOINT)) {
            endpointFields.add(name);
        }
        return null;
    }

    @Override
    public MethodVisitor visitMethod(int access, String name, String descriptor, String signature, String[] exceptions) {
        return new MethodVisitor(Opcodes.ASM9) {
            private GetterCall lastGetter;
            private String lastConstant;

            @Override
            public void visitLdcInsn(Object value) {
                lastConstant = value instanceof String text ? text : null;
            }

            @Override
            public void visitMethodInsn(int opcode, String owner, String method, String desc, boolean isInterface) {
                if (owner.startsWith(models) && isGetter(method, desc)) {
                    lastGetter = new GetterCall(owner, method, "");
                    getters.add(lastGetter);
                } else if (owner.equals(JSON_TEXT_OWNER) && method.equals(JSON_TEXT)
                        && lastGetter != null && lastConstant != null) {
                    // VendorMapping.text(run.getRunRequest(), "workflow_id") reads run_request.workflow_id
                    getters.add(new GetterCall(lastGetter.owner(), lastGetter.getter(), "." + lastConstant));
                }
                lastConstant = null;
            }
        };
    }

    private static boolean isGetter(String name, String descriptor) {
        return descriptor.startsWith("()") && !descriptor.endsWith(")V")
                && ((name.startsWith("get") && name.length() > 3) || (name.startsWith("is") && name.length() > 2));
    }
}
