#!/usr/bin/env python3
"""Summarizes a JDK Flight Recorder file written by `bench/run.sh --jfr`: the share of CPU samples
per hottest method (self time), and per frame anywhere on the stack (total time) for the frames
that explain a request's cost, so two recordings compare side by side.

    bench/profile.py target/bench/gatehouse.jfr [--top 25]
"""
import collections
import json
import subprocess
import sys

INCLUSIVE = [
    "org.apache.catalina.session.StandardSession.deserialize",
    "org.apache.catalina.session.StandardSession.writeObject",
    "org.glassfish.web.ha.session.management.ReplicationStore.load",
    "org.glassfish.web.ha.session.management.ReplicationStore.save",
    "org.glassfish.web.ha.session.management.ReplicationStore.doSave",
    "com.sun.faces.lifecycle.RestoreViewPhase.execute",
    "com.sun.faces.lifecycle.RenderResponsePhase.execute",
    "com.sun.faces.application.view.FaceletViewHandlingStrategy.buildView",
    "com.sun.faces.application.view.FaceletViewHandlingStrategy.renderView",
    "com.sun.faces.application.StateManagerImpl.saveView",
    "org.eclipse.persistence.internal.sessions.AbstractSession.executeQuery",
    "org.postgresql.jdbc.PgPreparedStatement.executeQuery",
    "org.gatehouse.web.auth.SessionFormAuthentication.validateRequest",
    "org.gatehouse.service.EntityService.page",
    "org.gatehouse.service.EntityService.listCount",
]


def main():
    path = sys.argv[1]
    top = int(sys.argv[sys.argv.index("--top") + 1]) if "--top" in sys.argv else 25
    out = subprocess.run(["jfr", "print", "--json", "--stack-depth", "400", "--events", "jdk.ExecutionSample", path],
                         check=True, capture_output=True, text=True).stdout
    events = json.loads(out)["recording"]["events"]
    own = collections.Counter()
    anywhere = collections.Counter()
    for event in events:
        frames = [f["method"]["type"]["name"].replace("/", ".") + "." + f["method"]["name"]
                  for f in event["values"]["stackTrace"]["frames"]]
        if frames:
            own[frames[0]] += 1
        for name in set(frames):
            anywhere[name] += 1
    total = max(1, len(events))
    print(f"{total} CPU samples")
    print("-- frames on the stack (total time)")
    for name in INCLUSIVE:
        if anywhere[name]:
            print(f"{100 * anywhere[name] / total:6.1f}%  {name}")
    if "--find" in sys.argv:
        word = sys.argv[sys.argv.index("--find") + 1]
        for name, count in anywhere.most_common():
            if word in name and count / total > 0.02:
                print(f"{100 * count / total:6.1f}%  {name}")
    print(f"-- hottest methods (self time), top {top}")
    for name, count in own.most_common(top):
        print(f"{100 * count / total:6.1f}%  {name}")


if __name__ == "__main__":
    main()
