"""Consistency check of one set's gold: python3 eval/check_gold.py eval/ownN

Fails on: evidence missing from its doc, evidence not unique in its doc, evidence
spanning a line break, malformed date values, unknown types, docs in gold that are
not in docs.jsonl (or have no file), duplicate gold lines.
Prints words per doc and a counts table (scored+optional) per doc and type.
"""
import json,re,collections,datetime,os,sys
os.chdir(sys.argv[1] if len(sys.argv)>1 else ".")
TY=["meeting","visit","deadline","approval","agreement","launch","announcement"]
R=re.compile(r"^\d{4}(-(0[1-9]|1[0-2])(-\d{2})?|-W(0[1-9]|[1-4]\d|5[0-3])|-Q[1-4]|-H[12]|-(SP|SU|FA|WI))?$")
docs={json.loads(l)["doc"]:json.loads(l)["dct"] for l in open("docs.jsonl")}
ok=True; cnt=collections.defaultdict(lambda:[0,0]); seen=set()
for d,dct in docs.items():
    if not os.path.exists("docs/"+d): print("NOFILE",d); ok=False
    datetime.date.fromisoformat(dct)
for i,l in enumerate(open("gold.jsonl"),1):
    e=json.loads(l)
    if e["doc"] not in docs: print("NODOC",i,e["doc"]); ok=False; continue
    t=open("docs/"+e["doc"],encoding="utf-8").read()
    n=t.count(e["evidence"])
    if n==0: print("MISSING",i,e); ok=False
    elif n>1: print("DUP(%d)"%n,i,e["evidence"]); ok=False
    if "\n" in e["evidence"]: print("NEWLINE",i); ok=False
    if not R.match(e["date"]): print("BADDATE",i,e); ok=False
    elif len(e["date"])==10: datetime.date.fromisoformat(e["date"])
    if e["type"] not in TY: print("BADTYPE",i); ok=False
    k=(e["doc"],e["type"],e["date"],e["evidence"])
    if k in seen: print("REPEATED",i); ok=False
    seen.add(k)
    cnt[(e["doc"],e["type"])][1 if e.get("optional") else 0]+=1
for d in docs:
    w=len(open("docs/"+d,encoding="utf-8").read().split()); print(d,docs[d],"words",w)
print()
print("| doc | "+" | ".join(TY)+" | scored | optional |")
print("|---"*(len(TY)+3)+"|")
tot=collections.defaultdict(lambda:[0,0])
for d in list(docs)+["all"]:
    row=[]; s=o=0
    for ty in TY:
        if d=="all": a,b=tot[ty]
        else:
            a,b=cnt[(d,ty)]; tot[ty][0]+=a; tot[ty][1]+=b
        row.append("%d+%d"%(a,b)); s+=a; o+=b
    print("| %s | %s | %d | %d |"%(d[:3],(" | ".join(row)),s,o))
print()
print("OK" if ok else "FAIL")
sys.exit(0 if ok else 1)
