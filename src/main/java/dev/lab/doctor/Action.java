package dev.lab.doctor;

import dev.lab.engine.Engine;
import dev.lab.engine.EngineException;
import dev.lab.engine.Project;
import java.util.List;

/** What the live scenario does to LocalStack between writing the data and looking for it again. */
public enum Action {
    RESTART("restart"),
    STOP_START("stop+start"),
    DOWN_UP("down+up"),
    DOWN_V_UP("down -v+up");

    private final String label;

    Action(String label) {
        this.label = label;
    }

    /** The label printed and written to JSON, e.g. {@code down -v+up}. */
    public String label() {
        return label;
    }

    /** Runs the {@code docker compose} commands this action stands for on the given services. */
    void perform(Engine engine, Project project, List<String> services) throws EngineException {
        switch (this) {
            case RESTART -> engine.restart(project, services);
            case STOP_START -> {
                engine.stop(project, services);
                engine.start(project, services);
            }
            case DOWN_UP, DOWN_V_UP -> {
                engine.down(project, this == DOWN_V_UP);
                engine.up(project, services);
            }
        }
    }
}
