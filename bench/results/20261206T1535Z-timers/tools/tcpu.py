import sys, subprocess, re, datetime, collections
jfr, t0, t1 = sys.argv[1], sys.argv[2], sys.argv[3]
J='/usr/lib/jvm/temurin-25-jdk-amd64/bin/jfr'
a=datetime.datetime.fromisoformat(t0.replace('Z','')); b=datetime.datetime.fromisoformat(t1.replace('Z',''))
out=subprocess.run([J,'print','--events','jdk.ThreadCPULoad,jdk.CPULoad',jfr],capture_output=True,text=True).stdout
agg=collections.Counter(); n=collections.Counter(); jvm=[]
for e in out.split('\njdk.'):
    m=re.search(r'startTime = (\d\d:\d\d:\d\d\.\d+) \((\d{4}-\d\d-\d\d)\)', e)
    if not m: continue
    t=datetime.datetime.fromisoformat(m.group(2)+'T'+m.group(1))
    if not (a<=t<=b): continue
    if e.startswith('ThreadCPULoad'):
        mt=re.search(r"eventThread = \"([^\"]*)\"", e)
        if not mt: continue
        th=mt.group(1)
        th=re.sub(r'\d+','N',th)
        u=float(re.search(r'user = ([\d.]+)%', e).group(1)); s=float(re.search(r'system = ([\d.]+)%', e).group(1))
        agg[th]+=u+s; n[th]+=1
    elif e.startswith('CPULoad'):
        jvm.append(float(re.search(r'jvmUser = ([\d.]+)%', e).group(1))+float(re.search(r'jvmSystem = ([\d.]+)%', e).group(1)))
tot=sum(agg.values())
for th,v in agg.most_common(12): print(f"{th:60s} {100*v/tot:5.1f}%")
if jvm: print(f"jvm_cpu_mean={sum(jvm)/len(jvm):.1f}% samples={len(jvm)}")
